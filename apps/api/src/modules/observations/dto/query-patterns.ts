/** Shapes of query parameters shared by the observation DTOs. */
export const CODE = /^[a-z0-9._-]{1,64}$/;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
