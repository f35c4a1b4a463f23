// Types of next.config.js for the test that reads its headers (lib/ops/server-address.test.ts).
import type { NextConfig } from 'next';

export declare const SECURITY_HEADERS: { key: string; value: string }[];
declare const nextConfig: NextConfig;
export default nextConfig;
