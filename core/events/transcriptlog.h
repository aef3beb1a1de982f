#pragma once

#include "base/durablefs.h"
#include "events/transcript.h"

#include <QHash>
#include <QObject>

#include <unordered_map>

namespace Pop3Connector {

// Protocol transcripts at log level Maximum: one file per mailbox under log/transcripts/,
// "time C: command" / "time S: reply" lines. Secrets are masked before they get here (the
// session writes PASS and AUTH lines as ********).
class TranscriptLog : public QObject
{
    Q_OBJECT
public:
    explicit TranscriptLog(QString folder, QObject *parent = nullptr);
    ~TranscriptLog() override;

    QString pathFor(const QString &mailbox) const;
    void append(const QString &mailbox, Pop3Connector::TranscriptDirection direction,
        const QByteArray &line);

private:
    QString m_folder;
    std::unordered_map<QString, DurableFs::File> m_files; // 0600: transcripts hold mail
};

} // namespace Pop3Connector
