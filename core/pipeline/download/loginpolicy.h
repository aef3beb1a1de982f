#pragma once

#include "base/phrase.h"
#include "config/configuration.h"
#include "events/event.h"
#include "protocol/pop3parser.h"
#include "protocol/sasl.h"

#include <QList>

namespace Pop3Connector {

// The SASL mechanism a mailbox logs in with: the one its auth key names, or for automatic the
// strongest the server offers; nullptr for USER/PASS and APOP, and when the server offers none
// the connector speaks.
const SaslMechanism *loginMechanism(AuthMethod auth, const QList<QByteArray> &offered);

struct CapabilityConflict
{
    EventId id;
    Phrase text;
};

// What the server's capabilities (RFC 2449 EXPIRE and LOGIN-DELAY) say against the mailbox's
// settings and the schedule's interval: the warnings to raise before the login; none when they
// agree.
QList<CapabilityConflict> capabilityConflicts(
    const MailboxSettings &mailbox, const Capabilities &caps, int intervalSeconds);

} // namespace Pop3Connector
