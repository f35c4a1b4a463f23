/** A text field of a submitted form: its value, or undefined when it is missing or a file. */
export function readFormText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}
