#pragma once

#include "config/configuration.h"
#include "pipeline/transfer/routing.h"
#include "protocol/mimeparser.h"
#include "spool/messagemetadata.h"
#include "spool/spool.h"

#include <QCoreApplication>

#include <optional>

namespace Pop3Connector {

// Where a stored message goes under a configuration, decided as transfer decides it: its
// sidecar read, its mailbox looked up, its header parsed and routed. Transfer acts on it; a
// requeue asks it first whether a message in Failed Mail would only fail again.
struct StoredRouting
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::TransferStage)

public:
    static StoredRouting of(const Spool &spool, SpoolFolder folder, const QString &name,
        const Configuration &configuration);

    // Without a decision, `reason` says why the message cannot be routed at all.
    std::optional<MessageMetadata> metadata;
    std::optional<MessageHeaders> headers;
    std::optional<RoutingDecision> decision;
    QString reason;

    bool failed() const { return !decision || decision->kind == RoutingDecision::Kind::Failed; }
    QString failure() const { return decision ? decision->reason : reason; }
};

} // namespace Pop3Connector
