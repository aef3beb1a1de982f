#include "service/deliverytest.h"

#include "protocol/mailaddress.h"

#include <QCborArray>
#include <QRegularExpression>

namespace Pop3Connector {

namespace {

// The file's names for a choice (configkeys.cpp), position for position.
template<typename E>
std::optional<E> choice(const QString &text, const QList<E> &values)
{
    for (E v : values) {
        if (settingValue(v) == text)
            return v;
    }
    return std::nullopt;
}

} // namespace

Result<DeliveryTestRequest> DeliveryTest::parse(
    const QCborMap &params, const DeliverySettings &current)
{
    const auto invalid = [](const QString &message) {
        return Error {ErrorCode::InvalidInput, message};
    };
    DeliveryTestRequest r;
    r.delivery = current;
    DeliverySettings &d = r.delivery;
    const bool portGiven = params.contains(QStringLiteral("port"));
    if (params.contains(QStringLiteral("transport"))) {
        const QString text = params.value(QStringLiteral("transport")).toString();
        const std::optional<Transport> t =
            choice(text, QList<Transport> {Transport::Smtp, Transport::Lmtp, Transport::Pickup});
        if (!t)
            return invalid(
                tr("transport \"%1\" is not one of smtp, lmtp, pickup").arg(text.left(40)));
        d.transport = *t;
    }
    if (params.contains(QStringLiteral("security"))) {
        const QString text = params.value(QStringLiteral("security")).toString();
        const std::optional<DeliverySecurity> s = choice(text,
            QList<DeliverySecurity> {
                DeliverySecurity::None, DeliverySecurity::StartTls, DeliverySecurity::Tls});
        if (!s)
            return invalid(
                tr("security \"%1\" is not one of none, starttls, tls").arg(text.left(40)));
        d.security = *s;
    }
    if (params.contains(QStringLiteral("host")))
        d.host = params.value(QStringLiteral("host")).toString().trimmed();
    if (d.transport != Transport::Pickup && d.host.isEmpty())
        return invalid(tr("host is empty; name the office mail server"));
    if (d.host.size() > 255 || d.host.contains(QRegularExpression(QStringLiteral("[\\s/]"))))
        return invalid(tr("host \"%1\" is not a host name or address")
                           .arg(MailAddress::printable(d.host, 80)));
    if (portGiven) {
        const qint64 port = params.value(QStringLiteral("port")).toInteger(-1);
        if (port < 1 || port > 65535)
            return invalid(tr("port must be 1 to 65535"));
        d.port = quint16(port);
    } else if (params.contains(QStringLiteral("transport"))
        || params.contains(QStringLiteral("security"))) {
        d.port = DeliverySettings::defaultPort(d.transport, d.security);
    }
    if (params.contains(QStringLiteral("user")))
        d.user = params.value(QStringLiteral("user")).toString().trimmed();
    if (params.contains(QStringLiteral("caFile")))
        d.caFile = params.value(QStringLiteral("caFile")).toString();
    if (params.contains(QStringLiteral("password"))) {
        const QCborValue pw = params.value(QStringLiteral("password"));
        if (!pw.isString())
            return invalid(tr("password must be text"));
        r.password = pw.toString().toUtf8();
    }
    const QCborArray recipients = params.value(QStringLiteral("recipients")).toArray();
    if (recipients.size() > kMaxRecipients)
        return invalid(tr("at most %1 recipients are tried at once").arg(kMaxRecipients));
    for (const QCborValue &v : recipients) {
        const QString text = v.toString().trimmed();
        if (text.isEmpty())
            continue;
        const Result<MailAddress> address = MailAddress::parse(text);
        if (!address)
            return invalid(tr("recipient %1: %2")
                               .arg(MailAddress::printable(text, 80), address.error().message));
        if (!r.recipients.contains(address->toString(), Qt::CaseInsensitive))
            r.recipients.append(address->toString());
    }
    return r;
}

} // namespace Pop3Connector
