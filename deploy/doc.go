// Package deploy holds the deployment examples of cordon: the container
// image (Dockerfile), a Kubernetes Indexed Job and a Slurm job array that
// run a sweep in shards, and a GNU parallel script for one big machine.
// These tests read them: the Kubernetes manifests are decoded strictly into
// the Kubernetes API types, the scripts are run with stand-ins for cordon,
// sbatch and the cluster's environment, and the Dockerfile's build is
// compared with CI's.
package deploy
