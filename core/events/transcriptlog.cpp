#include "events/transcriptlog.h"

#include <QDateTime>

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
    DurableFs::File &file = m_files[mailbox];
    const QString path = pathFor(mailbox);
    if (file.isOpen() && file.size() > kRotateBytes) {
        file = DurableFs::File();
        (void)DurableFs::rename(path, path + QStringLiteral(".1")); // replaces the older one
    }
    if (!file.isOpen()) {
        if (!DurableFs::makeDirectory(m_folder))
            return;
        Result<DurableFs::File> opened = DurableFs::File::open(path, DurableFs::File::Mode::Append);
        if (!opened)
            return; // a transcript is a help for troubleshooting, never a reason to stop
        file = std::move(opened).value();
    }
    const char *tag = direction == TranscriptDirection::Client ? " C: "
        : direction == TranscriptDirection::Server             ? " S: "
                                                               : " -- ";
    (void)file.write(
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1() + tag + line + '\n');
}

} // namespace Pop3Connector
