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
// A message from a local mailbox as the corpus wrote it. The header fields added on its way
// there must be its first ones, in this order, and are taken off:
//   Return-Path:                                   Dovecot's LMTP delivery
//   Delivered-To:                                  the same, when the LMTP transaction had one
//                                                  recipient (never for several)
//   Received: ... with LMTP ...                    Dovecot
//   Received: ... (POP3 Connector) with POP3 id    our transfer
// Returns the rest, which must then equal the corpus message byte for byte; or, if the fields
// are not these, an empty array and what is wrong in `problem`.
QByteArray withoutDeliveryTrace(const QByteArray &delivered, QString *problem);
// Delivers the messages into MAILDIR as a delivery agent does: each written in tmp/, then renamed
// into new/, with a name that carries its sizes (,S= and ,W=), so Dovecot answers LIST without
// reading it. With an `owner`, the folders and each file get that uid and gid before the file
// appears in new/. Returns an empty string or the error.
QString writeMaildir(
    const QList<QByteArray> &messages, const QString &maildir, int firstIndex = 0, int owner = -1);
