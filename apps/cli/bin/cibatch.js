#!/usr/bin/env node
// The installed command. It loads the built program through the package's `#bin` import (dist/bin.js), so the
// file exists before a build and `pnpm install` links it without a warning; run `pnpm build` before using it
// from a clone of the repository.
import "#bin";
