# opsdoc container image.
#   docker build -t opsdoc .
#   docker run --rm -v "$PWD:/work" opsdoc                      # = opsdoc check .
#   docker run --rm -v "$PWD:/work" -u "$(id -u):$(id -g)" opsdoc check docs/planning --format sarif --output opsdoc.sarif
#   (-u: run as yourself when opsdoc writes into the mounted folder)
# Base images are pinned by exact version; pin by digest (image@sha256:...) for reproducible builds.
# The runtime is a Java 25 JRE: its AOT cache (JEP 483/514/515) starts opsdoc faster than AppCDS on
# Java 17. With a Java 17 JRE as the runtime base (eclipse-temurin:17.0.15_6-jre) the same steps
# give an AppCDS archive instead: the launcher picks the archive that matches the java it runs.

# Build stage: the shaded jar from this checkout, with the Maven Wrapper. No start-up archive here:
# an archive only works with the JVM that wrote it, so the runtime stage writes its own.
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -Dopsdoc.skipCds=true package -pl cli -am \
 && cp cli/target/opsdoc.jar /tmp/opsdoc.jar

# Runtime stage: a JRE, the jar, its launcher and the start-up archive, nothing else.
FROM eclipse-temurin:25.0.3_9-jre
LABEL org.opencontainers.image.title="opsdoc" \
      org.opencontainers.image.description="Linter for DevOps planning documents" \
      org.opencontainers.image.source="https://github.com/opsdoc/opsdoc"
RUN groupadd --system --gid 10001 opsdoc \
 && useradd --system --uid 10001 --gid opsdoc --no-create-home --shell /usr/sbin/nologin opsdoc
COPY --from=build /tmp/opsdoc.jar /opt/opsdoc/opsdoc.jar
# The launcher of the repository (./opsdoc): JVM flags by the size of the run, and the start-up
# archive that matches the image's java (opsdoc.aot on 25+, opsdoc.jsa on 17-24).
COPY --from=build /src/opsdoc /opt/opsdoc/opsdoc
ENV OPSDOC_JAR=/opt/opsdoc/opsdoc.jar
# Write the archive now, as root, with one training run over the example plans (the same run the
# Maven build and ./opsdoc use); the image's user then only reads it. The examples are removed.
COPY --from=build /src/examples/planning /opt/opsdoc/examples/planning
RUN chmod 755 /opt/opsdoc/opsdoc \
 && OPSDOC_ARCHIVE=create /opt/opsdoc/opsdoc \
 && rm -rf /opt/opsdoc/examples \
 && chmod -R a+rX /opt/opsdoc
# The project to check is mounted here; paths in reports are relative to it.
WORKDIR /work
VOLUME ["/work"]
USER 10001:10001
ENTRYPOINT ["/opt/opsdoc/opsdoc"]
CMD ["check", "."]
