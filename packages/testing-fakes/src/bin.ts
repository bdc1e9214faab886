#!/usr/bin/env node
/**
 * The `cibatch-fake` executable: a shim over {@link runFakeCli}.
 *
 * @packageDocumentation
 */
import { runFakeCli } from "./cli.js";

process.exitCode = await runFakeCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
