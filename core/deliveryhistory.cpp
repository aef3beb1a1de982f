#include "deliveryhistory.h"

#include "durablefs.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Pop3Connector {

DeliveryHistory::DeliveryHistory(QString path)
    : m_path(std::move(path))
{ }

QString DeliveryHistory::key(const QString &fingerprint, const MailAddress &recipient)
{
    // A Message-ID may hold controls (GMime keeps them); a vertical tab at the end would be
    // trimmed away on reading and the copy no longer recognised.
    QString safe;
    safe.reserve(fingerprint.size());
    for (QChar c : fingerprint) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            safe +=
                QStringLiteral("\\x") + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            safe += c;
    }
    return recipient.toString().toLower() + u' ' + safe;
}

QString DeliveryHistory::open()
{
    QMutexLocker lock(&m_mutex);
    m_file.close();
    m_seen.clear();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const qint64 cutoff = QDateTime::currentSecsSinceEpoch() - qint64(kKeepDays) * 86400;
    QByteArray kept;
    bool dropped = false;
    QFile in(m_path);
    if (in.open(QIODevice::ReadOnly)) {
        while (!in.atEnd()) {
            const QByteArray line = in.readLine();
            if (!line.endsWith('\n')) {
                dropped = true; // torn by a crash
                break;
            }
            const QList<QByteArray> f = line.trimmed().split(' ');
            if (f.size() < 3 || f[0].toLongLong() < cutoff) {
                dropped = true;
                continue;
            }
            m_seen.insert(QString::fromUtf8(f[1]) + u' ' + QString::fromUtf8(f.mid(2).join(' ')));
            kept += line;
        }
        in.close();
    }
    if (dropped) {
        QSaveFile out(m_path);
        if (!out.open(QIODevice::WriteOnly) || out.write(kept) != kept.size() || !out.commit())
            return QObject::tr("cannot write %1: %2").arg(m_path, out.errorString());
    }
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return QObject::tr("cannot write %1: %2").arg(m_path, m_file.errorString());
    return {};
}

bool DeliveryHistory::claim(const QString &fingerprint, const MailAddress &recipient)
{
    if (fingerprint.isEmpty())
        return true; // nothing to recognise it by
    QMutexLocker lock(&m_mutex);
    const QString k = key(fingerprint, recipient);
    if (m_seen.contains(k))
        return false;
    m_seen.insert(k);
    return true;
}

void DeliveryHistory::release(const QString &fingerprint, const MailAddress &recipient)
{
    QMutexLocker lock(&m_mutex);
    m_seen.remove(key(fingerprint, recipient));
}

QString DeliveryHistory::record(const QList<std::pair<QString, MailAddress>> &delivered)
{
    QByteArray out;
    const QByteArray now = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    for (const auto &[fingerprint, recipient] : delivered) {
        if (!fingerprint.isEmpty())
            out += now + ' ' + key(fingerprint, recipient).toUtf8() + '\n';
    }
    if (out.isEmpty())
        return {};
    QMutexLocker lock(&m_mutex);
    if (m_file.write(out) != out.size())
        return QObject::tr("cannot write %1: %2").arg(m_path, m_file.errorString());
    return DurableFs::syncFile(m_file.handle());
}

} // namespace Pop3Connector
