import { describe, expect, test } from 'vitest';
import { formatBytes, formatCores, formatCount, formatMbps, formatMiB, formatMs, formatPercent, formatSeconds, formatTrafficCost } from './format-units';

describe('formatting with units', () => {
  test('bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(30_565_598_540n)).toBe('28.5 GiB');
    expect(formatBytes(null)).toBe('—');
    expect(formatMiB(2048)).toBe('2 GiB');
  });
  test('cores, bandwidth, time, percent, counts', () => {
    expect(formatCores(1)).toBe('1 core');
    expect(formatCores(0.25)).toBe('0.25 cores');
    expect(formatMbps(900)).toBe('900 Mbit/s');
    expect(formatMbps(25_000)).toBe('25 Gbit/s');
    expect(formatMs(0.05)).toBe('0.05 ms');
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatPercent(0.251)).toBe('25.1 %');
    expect(formatCount(1, 'server')).toBe('1 server');
    expect(formatCount(1200, 'layer')).toBe('1,200 layers');
  });
  test('start-up seconds and traffic cost; unknown or infinite is a dash', () => {
    expect(formatSeconds(4.41)).toBe('4.41 s');
    expect(formatSeconds(0.41)).toBe('410 ms');
    expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatSeconds(null)).toBe('—');
    expect(formatTrafficCost(12.345)).toBe('12.3 Mbit/s·ms');
    expect(formatTrafficCost(1234.5)).toBe('1,235 Mbit/s·ms');
    expect(formatTrafficCost(undefined)).toBe('—');
  });
});
