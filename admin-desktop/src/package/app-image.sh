#!/bin/sh
# Builds target/app-image/mymoviedb-admin: the admin with a runtime of its own (jlink, through jpackage) and a
# bin/ launcher, for a machine without Java. Maven runs it in the package phase, after the jar.
#   $1 the runtime classpath (this module's classes and every jar it needs, JavaFX's Linux jars included)
#   $2 target/   $3 this module's jar
set -eu
classpath=$1 target=$2 jar=$3
input="$target/app-input"
rm -rf "$input" "$target/app-image"
mkdir -p "$input"
cp "$jar" "$input/"
# The classpath names target/classes first (already in the jar), then the dependency jars.
echo "$classpath" | tr ':' '\n' | while read -r entry; do
  case "$entry" in *.jar) cp "$entry" "$input/" ;; esac
done
# JavaFX runs from the classpath (Main is not an Application subclass), so the runtime needs only the JDK
# modules the app and JavaFX use; jpackage's jlink step builds it.
jpackage --type app-image --name mymoviedb-admin --dest "$target/app-image" \
  --input "$input" --main-jar "$(basename "$jar")" --main-class org.mymoviedb.admin.Main \
  --add-modules java.base,java.desktop,java.logging,java.naming,java.net.http,java.prefs,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --compress=2" \
  --java-options "-Dprism.order=es2,sw"
