// Reaches the PostgreSQL server of the test suite (ACCORD_TEST_DATABASE_URL) with node-postgres, so no PostgreSQL
// client tool (pg_isready, psql) is needed, and creates the database it names when the server answers but the
// database does not exist yet. Exit status 0 when the database is there, 1 (with the reason) otherwise.
//   node scripts/ensure-test-database.mjs postgres://postgres@127.0.0.1:5432/test
import pg from "pg";

const url =
  process.argv[2] || process.env.ACCORD_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const shown = url.replace(/\/\/[^@/]*@/, "//***@");

async function connect(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  await client.connect();
  return client;
}

try {
  const client = await connect(url);
  await client.end();
} catch (error) {
  if (error.code !== "3D000") {
    console.error(`The PostgreSQL server of ${shown} cannot be reached: ${error.message}`);
    process.exit(1);
  }
  // The server answers; the database is missing: create it from the maintenance database.
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  try {
    const admin = await connect(maintenance.toString());
    try {
      const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (!rowCount) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
    } finally {
      await admin.end();
    }
    console.error(`Created the test database ${name} on ${shown.replace(/\/[^/]*$/, "")}`);
  } catch (createError) {
    // Another run may have created it meanwhile (42P04).
    if (createError.code !== "42P04") {
      console.error(`The database ${name} does not exist and could not be created: ${createError.message}`);
      process.exit(1);
    }
  }
}
