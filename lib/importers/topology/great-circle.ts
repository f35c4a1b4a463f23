const EARTH_RADIUS_KM = 6371.0088;
/** Light in fibre covers about 200 km per millisecond (refractive index ≈ 1.5). */
const FIBRE_KM_PER_MS = 200;

/** Great-circle (haversine) distance in km. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One-way propagation latency in ms over fibre along the great circle, to 3 decimals. */
export function propagationLatencyMs(km: number): number {
  return Math.round((km / FIBRE_KM_PER_MS) * 1000) / 1000;
}
