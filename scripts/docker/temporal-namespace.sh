#!/bin/sh
# docker-compose.yml's temporal-setup job (temporalio/admin-tools): once the server answers, creates the
# service's namespace with its retention and registers the sagas' search attributes (the worker refuses
# to start without them; the names are src/adapters/temporal/workflows/search-attributes.ts's).
# Safe to run at every `up`: what exists is kept.
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${TEMPORAL_RETENTION:?}"
attempt=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  [ "$attempt" -lt 60 ] || { echo "Temporal at $TEMPORAL_ADDRESS not healthy after 60 tries" >&2; exit 1; }
  sleep 2
done
if ! temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_RETENTION"
fi
known=$(temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE")
for attribute in OrderStatus=Keyword CustomerId=Keyword WaitingFor=Keyword WaitDeadline=Datetime; do
  name=${attribute%%=*}
  if ! echo "$known" | grep -qw "$name"; then
    temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "${attribute#*=}"
  fi
done
echo "namespace $TEMPORAL_NAMESPACE ready (retention $TEMPORAL_RETENTION)"
