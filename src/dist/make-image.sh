#!/usr/bin/env bash
# Builds the self-contained PoolScope image (run by `./mvnw -Pdist package`, after the jar):
#   target/dist/poolscope-VERSION-linux-x64.tar.gz, unpacking to poolscope-VERSION/ with
#     bin/poolscope   the launcher (src/dist/poolscope)
#     lib/            poolscope.jar and every library it uses, JavaFX included, on the class
#                     path exactly as `java -jar target/poolscope.jar` has them (Monocle, which
#                     `render` uses, needs JavaFX's internals in the same unnamed module)
#     runtime/        a Java runtime made by jlink: the JDK modules those jars need (found by
#                     jdeps), with a class-data archive for faster start-up
# Arguments: VERSION TARGET_DIR JDK_HOME (the JDK running Maven; jlink needs its jmods).
set -euo pipefail
version=$1
target=$2
jdk=$3
basedir=$(cd "$(dirname "$0")/../.." && pwd)
name=poolscope-$version
work=$target/dist-work
image=$work/$name
out=$target/dist

if [ ! -d "$jdk/jmods" ]; then
    echo "make-image: $jdk/jmods is missing: jlink needs a full JDK (Debian 12: apt-get install openjdk-17-jdk-headless, which has them)" >&2
    exit 1
fi
rm -rf "$work" "$out"
mkdir -p "$image/bin" "$image/lib" "$out"

# Maven copied every runtime library to target/lib; the unclassified javafx-*.jar beside the
# platform (-linux) ones are empty placeholders.
for jar in "$target"/lib/*.jar; do
    case $(basename "$jar") in
        javafx-*-linux.jar) cp "$jar" "$image/lib/" ;;
        javafx-*) ;;
        *) cp "$jar" "$image/lib/" ;;
    esac
done
cp "$target/poolscope.jar" "$image/lib/"

# jdeps prints split-package warnings for jars given as plain inputs: only the list matters.
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
    "$image"/lib/*.jar 2>/dev/null)
echo "make-image: modules (jdeps): $modules"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
    --output "$image/runtime" >/dev/null
# The second class-data archive serves only heaps over 32 GB (no compressed oops); such a JVM
# starts without one. Dropping it saves 10 MB.
rm -f "$image/runtime/lib/server/classes_nocoops.jsa"

cp "$basedir/src/dist/poolscope" "$image/bin/poolscope"
chmod 755 "$image/bin/poolscope"
cp "$basedir/src/dist/logging.properties" "$image/lib/logging.properties"
cp "$basedir/LICENSE" "$image/LICENSE"
cp "$basedir/src/main/resources/dev/poolscope/ui/app/icons/poolscope-256.png" "$image/poolscope.png"

# The runtime must run the command line before it is packed.
"$image/runtime/bin/java" -cp "$image/lib/*" dev.poolscope.Main --version

tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$out/$name-linux-x64.tar.gz" "$name"
echo "make-image: $out/$name-linux-x64.tar.gz ($(du -k "$out/$name-linux-x64.tar.gz" | cut -f1) KB packed, $(du -sk "$image" | cut -f1) KB unpacked)"
