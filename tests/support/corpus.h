#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A deterministic, realistic test corpus: mostly small text messages, some multipart with
// base64 attachments, Japanese subjects (ISO-2022-JP and UTF-8 encoded words) and bodies,
// lines that need dot-stuffing, "From " lines, long lines. Messages are LF-terminated, as
// a Maildir holds them; a POP3 server sends them with CRLF.
struct CorpusOptions
{
    int count = 100;
    quint64 seed = 1;
    qint64 bigMessageBytes = 0; // one message of about this size; 0 for none
    qint64 maxBytes = 2'000'000; // upper end of the size mix
    QString recipientDomain = QStringLiteral("office.example");
};

QList<QByteArray> makeCorpus(const CorpusOptions &options);
// The message as a POP3 client receives it after un-stuffing: CRLF line ends.
QByteArray toWireForm(const QByteArray &lfMessage);
// The Message-ID of a message, or empty.
QByteArray messageId(const QByteArray &message);
// Delivers the messages into MAILDIR as a delivery agent does: each written in tmp/, then renamed
// into new/, with a name that carries its sizes (,S= and ,W=), so Dovecot answers LIST without
// reading it. With an `owner`, the folders and each file get that uid and gid before the file
// appears in new/. Returns an empty string or the error.
QString writeMaildir(
    const QList<QByteArray> &messages, const QString &maildir, int firstIndex = 0, int owner = -1);
