#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the agent ships as source without a build step.
import { register } from "tsx/esm/api";

register();
await import("../cli.ts");
