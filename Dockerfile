# tickwire image: built from this repository, runs one node (`docker run IMAGE run --cluster --roles ...`).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY codecs/pom.xml codecs/pom.xml
COPY verticles/pom.xml verticles/pom.xml
# The parent lists the bench module; its pom must be there for the reactor to load, though the image never builds it.
COPY bench/pom.xml bench/pom.xml
RUN mvn -B -q dependency:go-offline -pl codecs,verticles -am || true
COPY codecs codecs
COPY verticles verticles
COPY conf conf
COPY webroot webroot
RUN mvn -B -DskipTests package -pl verticles -am && cp verticles/target/tickwire.jar /src/tickwire.jar

FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK; a fixed non-root user (uid 10001) that Kubernetes' runAsNonRoot can verify.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 tickwire \
 && useradd --system --uid 10001 --gid tickwire --home-dir /app --shell /usr/sbin/nologin tickwire \
 && mkdir -p /app/data /app/conf && chown -R tickwire:tickwire /app
WORKDIR /app
COPY --from=build --chown=tickwire:tickwire /src/tickwire.jar /app/tickwire.jar
COPY --chown=tickwire:tickwire conf /app/conf
USER 10001:10001
# Heap sized from the container's memory limit; a half-dead pipeline is worse than a restart.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC -Dfile.encoding=UTF-8 -Djava.io.tmpdir=/tmp" \
    TICKWIRE_DATA_DIR=/app/data
# 8080 HTTP (/live, /health, /ready, /metrics on every node; dashboard and API with the web role), 9001 TCP ingest,
# 5701 Hazelcast, 5702 event bus.
EXPOSE 8080 9001 5701 5702
# /live: whether the process answers (a restart's business), not whether Redis or PostgreSQL do (/health's).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/live >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/tickwire.jar"]
CMD ["run"]
