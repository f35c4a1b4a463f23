#!/usr/bin/env bash
# Reformats the whole repository with Prettier (.prettierrc.json), once, after the branches that
# were open when Prettier arrived have been merged: doing it earlier would conflict with each of
# them. Then checks that nothing but layout changed. Commit the result as one "Prettier" commit.
set -euo pipefail
cd "$(dirname "$0")/.."
npx prettier --write . --log-level warn
git diff --shortstat
npm run typecheck
npm run lint
