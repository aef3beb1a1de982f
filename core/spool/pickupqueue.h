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

} // namespace Pop3Connector
