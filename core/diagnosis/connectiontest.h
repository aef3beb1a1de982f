#pragma once

#include "config/configuration.h"
#include "pipeline/download/mailboxretrieval.h"

#include <QMutex>
#include <QObject>
#include <QSslCertificate>

#include <memory>

class QThread;

namespace Pop3Connector {

class WorkerThread;

// "Test connection": logs in to one mailbox on a worker thread, asks STAT and QUITs, reporting
// the conversation as an administrator would see it in a terminal (password masked) and what
// failed. Nothing is retrieved or deleted. Deletes itself when finished.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    ConnectionTest(const MailboxSettings &mailbox, const QByteArray &password, int timeoutMs,
        QObject *parent = nullptr);
    ~ConnectionTest() override;

    void start();
    void cancel();
    // The certificates a server presented that were refused (leaf first); empty when the
    // handshake passed or never happened. Valid once finished() was emitted.
    QList<QSslCertificate> refusedCertificates() const;

Q_SIGNALS:
    void transcriptLine(Pop3Connector::TranscriptDirection direction, const QByteArray &line);
    // Right after the transcriptLine() of a note, the note as a phrase.
    void transcriptNoted(const Pop3Connector::Phrase &note);
    void finished(const Pop3Connector::RetrievalReport &report);

private:
    // Written on the test's thread when the handshake fails, read on the caller's.
    struct Refused
    {
        mutable QMutex mutex;
        QList<QSslCertificate> chain;
    };

    std::shared_ptr<Refused> m_refused = std::make_shared<Refused>();
    std::unique_ptr<WorkerThread> m_thread;
    MailboxRetrieval *m_retrieval;
};

} // namespace Pop3Connector
