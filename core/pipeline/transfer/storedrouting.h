#pragma once

#include "base/phrase.h"
#include "config/configuration.h"
#include "pipeline/transfer/routing.h"
#include "protocol/mimeparser.h"
#include "spool/messagemetadata.h"
#include "spool/spool.h"

#include <optional>

namespace Pop3Connector {

// Where a stored message goes under a configuration, decided as transfer decides it: its
// sidecar read, its mailbox looked up, its header parsed and routed. Transfer acts on it; a
// requeue asks it first whether a message in Failed Mail would only fail again.
struct StoredRouting
{
    static StoredRouting of(const Spool &spool, SpoolFolder folder, const QString &name,
        const Configuration &configuration);

    // Without a decision, `reason` says why the message cannot be routed at all.
    std::optional<MessageMetadata> metadata;
    std::optional<MessageHeaders> headers;
    std::optional<RoutingDecision> decision;
    Phrase reason;

    bool failed() const { return !decision || decision->kind == RoutingDecision::Kind::Failed; }
    Phrase failure() const { return decision ? decision->reason : reason; }
};

} // namespace Pop3Connector
