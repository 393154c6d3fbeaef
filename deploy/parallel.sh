#!/usr/bin/env bash
# A cordon sweep split into 16 shards on one big machine with GNU parallel:
# 8 shards at a time, each writing a part file to parts/, then one merge into
# the report folder. Run it from any folder; it writes parts/ and report/ there.
#
#   deploy/parallel.sh
#
# Environment: CORDON, the cordon binary (default: cordon on PATH);
# CORDON_JOBS, replications run at once by each shard (default 2: 8 shards x 2
# fills 16 cores; cordon's own default, every CPU per shard, would run 8 times
# too many at once).
#
# Needs GNU parallel (Debian: apt-get install parallel), not the `parallel` of
# moreutils.
set -euo pipefail

cordon=${CORDON:-cordon}
jobs=${CORDON_JOBS:-2}

if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  echo "parallel.sh: needs GNU parallel on PATH" >&2
  exit 2
fi
if compgen -G 'parts/*.part' >/dev/null; then
  echo "parallel.sh: parts/ holds parts of an earlier run; remove them first" >&2
  exit 2
fi
mkdir -p parts

# seq 0 15 gives the shard numbers; parallel runs `cordon sweep ... --shard I/16`
# for each, 8 at a time. -q passes every argument as it is (the [0] and the
# quotes reach cordon untouched); --halt now,fail=1 stops the others as soon as
# one shard fails (a bad flag fails them all alike).
seq 0 15 | parallel -j 8 -q --halt now,fail=1 \
  "$cordon" sweep baseline \
  --vary 'staff.suited-crew.shifts[0].count=2..8' \
  --vary 'sampling.sites.site-a.swab=3..8' \
  --reps 100 --jobs "$jobs" --quiet \
  --shard {}/16 --part parts/{}.part

# Every shard is done: merge the parts into report/, the folder `cordon sweep`
# would have written on one machine (results.json byte for byte).
"$cordon" merge parts/*.part --out report
