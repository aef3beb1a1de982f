#pragma once

#include "base/result.h"
#include "config/configuration.h"

#include <QCborMap>
#include <QCoreApplication>

#include <optional>

namespace Pop3Connector {

// The control method testDelivery (docs/control-protocol.md): delivery settings to try before
// they are saved, and the addresses to offer the server as recipients. Pure: tested with tables.
struct DeliveryTestRequest
{
    DeliverySettings delivery;
    // Given with the request; absent: the stored delivery password, when a login is named.
    std::optional<QByteArray> password;
    QStringList recipients; // canonical addresses, each offered once
};

class DeliveryTest
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::DeliveryTest)

public:
    static constexpr int kMaxRecipients = 20;

    // Reads the request's parameters over `current` (a key left out keeps its value there, the
    // port its transport's default when the transport changes); an InvalidInput error names the
    // parameter that is wrong and what is allowed.
    static Result<DeliveryTestRequest> parse(
        const QCborMap &params, const DeliverySettings &current);
};

} // namespace Pop3Connector
