// The slice of autocannon's API the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Result = { errors: number; timeouts: number; non2xx: number };
  type Instance = Promise<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  };
  export default function autocannon(options: { url: string; connections: number; duration: number; headers?: Record<string, string>; timeout?: number }): Instance;
}
