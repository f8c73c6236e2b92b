// Placeholder replaced once the database template exists.
export default async function setup(): Promise<void> {}
