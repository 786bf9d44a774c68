import type { Db } from "../db/database.js";
import {
  seedActivityProposal,
  seedAllocations,
  seedCatalogue,
  seedFeedback,
  seedSeatOffer,
} from "../modules/catalogue/index.js";
import { seedDirectory } from "../modules/directory/directory.seed.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from "../modules/identity/identity.seed.js";
import { seedMeetings } from "../modules/meetings/index.js";
import { seedOperations } from "../modules/operations/index.js";
import { seedProgrammeAgreement, seedProgrammes } from "../modules/programmes/index.js";
import { seedReadiness } from "../modules/readiness/index.js";
import { seedTraining } from "../modules/training/index.js";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export interface SeedOptions {
  /** Create the demo accounts (demo mode only). */
  demoAccounts: boolean;
  log?: (message: string) => void;
}

type Seed = { name: string; run: (db: Db) => Promise<void> };

/**
 * Each capability's demo data, in dependency order. Every seed is idempotent: it looks records up by their natural
 * keys and adds only what is missing, so running it twice changes nothing.
 */
const seeds: Seed[] = [
  { name: "directory", run: seedDirectory },
  { name: "catalogue", run: seedCatalogue },
  { name: "programmes", run: seedProgrammes },
  { name: "training", run: seedTraining },
  { name: "readiness", run: seedReadiness },
  { name: "operations", run: seedOperations },
  { name: "meetings", run: seedMeetings },
  { name: "feedback", run: seedFeedback },
  { name: "seat allocations", run: seedAllocations },
  // Decisions by both sides and seat offers (issue 22): a programme awaiting agreement, an open seat offer, a
  // partner's proposal awaiting the alliance's decision.
  { name: "programme awaiting agreement", run: seedProgrammeAgreement },
  { name: "seat offer", run: seedSeatOffer },
  { name: "activity proposal", run: seedActivityProposal },
];

export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  for (const seed of seeds) {
    const started = Date.now();
    await seed.run(db);
    options.log?.(`Seeded ${seed.name} (${Date.now() - started} ms)`);
  }
  if (options.demoAccounts) {
    await seedDemoAccounts(db);
    options.log?.(`Demo accounts ready (${DEMO_ACCOUNTS.length})`);
  }
}
