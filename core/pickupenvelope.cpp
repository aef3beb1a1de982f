#include "pickupenvelope.h"

namespace Pop3Connector {

namespace {

QString unbracket(QByteArrayView value)
{
    QByteArray v = value.trimmed().toByteArray();
    if (v.startsWith('<') && v.endsWith('>'))
        v = v.mid(1, v.size() - 2).trimmed();
    return QString::fromUtf8(v);
}

} // namespace

QByteArray PickupEnvelope::serialize() const
{
    QByteArray out = "x-sender: <" + sender.toUtf8() + ">\r\n";
    for (const QString &r : recipients)
        out += "x-receiver: <" + r.toUtf8() + ">\r\n";
    return out;
}

std::optional<PickupEnvelope> PickupEnvelope::parse(QByteArrayView head)
{
    PickupEnvelope e;
    bool sawSender = false;
    qsizetype pos = 0;
    while (pos < head.size()) {
        const qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0)
            break; // an envelope line is always complete
        QByteArrayView line = head.sliced(pos, nl - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            break;
        const QByteArray name = line.first(colon).trimmed().toByteArray().toLower();
        if (name == "x-sender" && !sawSender) {
            e.sender = unbracket(line.sliced(colon + 1));
            sawSender = true;
        } else if (name == "x-receiver") {
            const QString r = unbracket(line.sliced(colon + 1));
            if (!r.isEmpty())
                e.recipients.append(r);
        } else {
            break; // the message's own header begins
        }
        pos = nl + 1;
    }
    if (!sawSender || e.recipients.isEmpty())
        return std::nullopt;
    e.messageOffset = pos;
    return e;
}

} // namespace Pop3Connector
