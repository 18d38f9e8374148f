# opsdoc container image.
#   docker build -t opsdoc .
#   docker run --rm -v "$PWD:/work" opsdoc                      # = opsdoc check .
#   docker run --rm -v "$PWD:/work" -u "$(id -u):$(id -g)" opsdoc check docs/planning --format sarif --output opsdoc.sarif
#   (-u: run as yourself when opsdoc writes into the mounted folder)
# Base images are pinned by exact version; pin by digest (image@sha256:...) for reproducible builds.

# Build stage: the shaded jar from this checkout, with the Maven Wrapper.
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package -pl cli -am \
 && cp cli/target/opsdoc.jar /tmp/opsdoc.jar

# Runtime stage: a JRE and the jar, nothing else.
FROM eclipse-temurin:17.0.15_6-jre
LABEL org.opencontainers.image.title="opsdoc" \
      org.opencontainers.image.description="Linter for DevOps planning documents" \
      org.opencontainers.image.source="https://github.com/opsdoc/opsdoc"
RUN groupadd --system --gid 10001 opsdoc \
 && useradd --system --uid 10001 --gid opsdoc --no-create-home --shell /usr/sbin/nologin opsdoc
COPY --from=build /tmp/opsdoc.jar /opt/opsdoc/opsdoc.jar
# The project to check is mounted here; paths in reports are relative to it.
WORKDIR /work
VOLUME ["/work"]
USER 10001:10001
# A short-lived command line: the serial collector and C1 only start fastest.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/opsdoc/opsdoc.jar"]
CMD ["check", "."]
