#pragma once

#include "base/result.h"
#include "spool/messagemetadata.h"
#include "spool/pickupenvelope.h"
#include "spool/spool.h"

#include <QByteArrayView>
#include <QString>

namespace Pop3Connector {

// Puts a message the connector made itself (a wrapped undeliverable message, a notification to
// the administrator) in PickUp as message `name`, where dispatch delivers it like any other: the
// envelope and the message written to tmp/ and synced, the sidecar placed, the file renamed in,
// the folder synced. On failure nothing is left in PickUp.
[[nodiscard]] Status queueInPickUp(const Spool &spool, const QString &name,
    const PickupEnvelope &envelope, QByteArrayView message, const MessageMetadata &metadata);

// Writes a new file `scratch` in tmp/: `before` (a sidecar at its top, an envelope, a trace
// line), then the `size` bytes of `source` from `offset`, checked on disk; synced when `sync`
// (a batch's files are synced together otherwise); closed. Returns the file's size. On failure
// nothing is left at `scratch`.
[[nodiscard]] Result<qint64> writePickupScratch(const QString &scratch, QByteArrayView before,
    const QString &source, qint64 offset, qint64 size, bool sync);

} // namespace Pop3Connector
