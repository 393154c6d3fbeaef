#!/usr/bin/env bash
# Submits the sweep array (sweep.sbatch) and the merge (merge.sbatch) to run
# when every task of the array has succeeded. Run it from a folder every node
# can see; the parts go to ./cordon-parts and the report to ./cordon-report
# unless CORDON_PARTS and CORDON_REPORT say otherwise.
#
#   deploy/slurm/submit.sh
#   squeue --me                      # the array, then the merge
#   ls cordon-report/                # index.html, results.json, sweep.csv, ...
#
# If a task fails, the merge never starts (Slurm leaves it pending with reason
# DependencyNeverSatisfied, or cancels it; scancel it if need be). Rerun the
# failed tasks, say 3 and 7, with the count of shards given (sweep.sbatch says
# why), then the merge, from the same folder:
#
#   CORDON_SHARD_COUNT=16 sbatch --array=3,7 deploy/slurm/sweep.sbatch
#   sbatch --dependency=afterok:JOBID deploy/slurm/merge.sbatch
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export CORDON_PARTS=${CORDON_PARTS:-$PWD/cordon-parts}
export CORDON_REPORT=${CORDON_REPORT:-$PWD/cordon-report}

# Parts of an earlier run would be foreign to this one: cordon merge would
# refuse them. Start from an empty folder.
if compgen -G "$CORDON_PARTS/*.part" >/dev/null; then
  echo "submit.sh: $CORDON_PARTS already holds parts; remove them or set CORDON_PARTS to a new folder" >&2
  exit 2
fi
mkdir -p "$CORDON_PARTS"

# --parsable prints "jobid" or "jobid;cluster".
ARRAY_JOB_ID=$(sbatch --parsable "$here/sweep.sbatch")
ARRAY_JOB_ID=${ARRAY_JOB_ID%%;*}
MERGE_JOB_ID=$(sbatch --parsable --dependency=afterok:"$ARRAY_JOB_ID" "$here/merge.sbatch")
MERGE_JOB_ID=${MERGE_JOB_ID%%;*}
echo "sweep: job array $ARRAY_JOB_ID (16 tasks); merge: job $MERGE_JOB_ID after it; report: $CORDON_REPORT"
