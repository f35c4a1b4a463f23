// Shared by the start-up chart (a client component) and the tables beside it (server
// components): a 'use client' module's exports cannot be called on the server.

const SERVICE_COLOURS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#4f46e5', '#a16207'];

/** The colour of a service's layers; more services than colours repeat them (legends and tooltips name them). */
export const serviceColour = (index: number) => SERVICE_COLOURS[index % SERVICE_COLOURS.length];
