#include "transcriptlog.h"

#include <QDateTime>
#include <QDir>

namespace Pop3Connector {

namespace {
constexpr qint64 kRotateBytes = 16 * 1024 * 1024;
}

TranscriptLog::TranscriptLog(QString folder, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
{ }

TranscriptLog::~TranscriptLog() = default;

QString TranscriptLog::pathFor(const QString &mailbox) const
{
    return m_folder + u'/' + mailbox + QStringLiteral(".log");
}

void TranscriptLog::append(
    const QString &mailbox, TranscriptDirection direction, const QByteArray &line)
{
    std::shared_ptr<QFile> &file = m_files[mailbox];
    if (!file) {
        QDir().mkpath(m_folder);
        file = std::make_shared<QFile>(pathFor(mailbox));
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
            return;
    }
    if (file->size() > kRotateBytes) {
        file->close();
        QFile::remove(file->fileName() + QStringLiteral(".1"));
        QFile::rename(file->fileName(), file->fileName() + QStringLiteral(".1"));
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
            return;
    }
    const char *tag = direction == TranscriptDirection::Client ? " C: "
        : direction == TranscriptDirection::Server             ? " S: "
                                                               : " -- ";
    file->write(
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1() + tag + line + '\n');
    file->flush();
}

} // namespace Pop3Connector
