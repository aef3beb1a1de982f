#!/bin/bash
# Plants each mistake of tests/mutants/*.patch in a scratch copy of the tree, one at a time,
# builds, and runs the test named in the patch ("# caught by: TEST", built from the target of
# "# built as: TARGET" when its name differs): every mutant must be caught. Prints a line per mutant and exits 1 if one survives. Needs root (Dovecot).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d /tmp/p3c-mutants.XXXXXX)
trap 'git worktree remove --force "$scratch/tree" >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
git worktree add --detach "$scratch/tree" HEAD >/dev/null
cd "$scratch/tree"
cmake --preset dev >/dev/null
cmake --build --preset dev >/dev/null
survived=0
for patch in "$OLDPWD"/tests/mutants/*.patch; do
    name=$(basename "$patch" .patch)
    test=$(sed -n 's/^# caught by: *//p' "$patch" | head -n 1)
    target=$(sed -n 's/^# built as: *//p' "$patch" | head -n 1)
    git apply "$patch"
    if ! cmake --build build --target "${target:-$test}" >/dev/null 2>&1; then
        echo "$name: does not build"
        survived=1
    elif (cd build && ctest -R "^$test\$" >/dev/null 2>&1); then
        echo "$name: SURVIVED $test"
        survived=1
    else
        echo "$name: caught by $test"
    fi
    git apply -R "$patch"
done
exit $survived
