/** The policy form's fields as the schema reads them; the browser and the action both use it so
 * they can never disagree about what was submitted. */
export function policyInputFromForm(form: FormData) {
  return {
    name: form.get('name') ?? '',
    type: form.get('type') ?? '',
    services: form.getAll('services').map(String),
    edgeServers: form.getAll('edgeServers').map(String),
    fraction: form.get('fraction') ?? '',
    version: form.get('version') ?? '',
  };
}
