#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace Pop3Connector {

// The envelope at the top of a PickUp file, in the pickup-directory format of the IIS/Exchange
// SMTP service: "x-sender: <address>" once, "x-receiver: <address>" once per recipient, then
// the message. Pure functions over bytes.
struct PickupEnvelope
{
    QString sender; // empty for the null sender <>
    QStringList recipients;
    qint64 messageOffset = 0; // where the message starts in the file

    QByteArray serialize() const;
    // Reads the envelope lines at the start of `head` (the first bytes of a file). Returns nothing
    // when there is no x-sender line or no x-receiver line.
    static std::optional<PickupEnvelope> parse(QByteArrayView head);
};

} // namespace Pop3Connector
