# Readout: serves the API on port 8000; ingests seed_data/ on first start.
FROM python:3.11-slim

WORKDIR /srv/readout
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seed_data ./seed_data
RUN pip install --no-cache-dir -e '.[postgres]'

# The SQLite default lives on a volume; set READOUT_DATABASE_URL for PostgreSQL.
ENV READOUT_DATABASE_URL=sqlite:////data/readout.db
VOLUME ["/data"]
EXPOSE 8000
CMD ["readout", "serve", "--host", "0.0.0.0", "--port", "8000", "--seed", "seed_data"]
