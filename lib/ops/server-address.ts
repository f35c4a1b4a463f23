/**
 * Where `npm start` listens: 127.0.0.1 unless HOST says otherwise, so a fresh install is not
 * reachable from the network until someone decides it should be (HOST=0.0.0.0).
 */
export function serverAddress(env: Record<string, string | undefined>): { host: string; port: string; args: string[] } {
  const host = env.HOST?.trim() || '127.0.0.1';
  const port = env.PORT?.trim() || '3000';
  return { host, port, args: ['-H', host, '-p', port] };
}
