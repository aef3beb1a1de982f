// How an original travels inside the note to the undeliverable-mail mailbox: as the message it is
// when it can, byte for byte; encoded when it cannot.
#include "protocol/mimeparser.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

class TestMimeParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forwardable_data();
    void forwardable();
    void wrapCarriesTheOriginal_data();
    void wrapCarriesTheOriginal();
};

void TestMimeParser::forwardable_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("expected");
    const QByteArray head = "From: a@b.example\r\nSubject: hi\r\n\r\n";
    QTest::newRow("plain") << head + "body\r\n" << true;
    QTest::newRow("8-bit text") << head + "\xe3\x81\x82\r\n" << true;
    QTest::newRow("998-octet line") << head + QByteArray(998, 'x') + "\r\n" << true;
    QTest::newRow("999-octet line") << head + QByteArray(999, 'x') + "\r\n" << false;
    QTest::newRow("NUL") << head + QByteArray("a\0b\r\n", 5) << false;
    QTest::newRow("bare CR") << head + "a\rb\r\n" << false;
    QTest::newRow("bare LF") << head + "a\nb\r\n" << false;
    QTest::newRow("no final CRLF") << head + "body" << false;
    QTest::newRow("no header") << QByteArray("\r\nbody\r\n") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestMimeParser::forwardable()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, expected);
    QCOMPARE(MimeParser::isForwardable(message), expected);
}

void TestMimeParser::wrapCarriesTheOriginal_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("verbatim");
    const QByteArray head = "From: a@b.example\r\nSubject: =?UTF-8?B?44GC?=\r\n\r\n";
    QTest::newRow("a message") << head + "Hello\r\n.\r\nbye\r\n"
                               << QByteArray("message/rfc822") << true;
    QTest::newRow("8-bit") << head + "\xe3\x81\x82\r\n" << QByteArray("message/rfc822") << true;
    QTest::newRow("junk") << QByteArray("\x00\x01 junk\n", 8)
                          << QByteArray("application/octet-stream") << false;
}

void TestMimeParser::wrapCarriesTheOriginal()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, verbatim);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.eml"));
    const QByteArray envelope = "x-sender: <>\r\n\r\n"; // what offset skips
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(envelope + original);
    f.close();
    const Result<QByteArray> wrapped = MimeParser::wrapAsAttachment(path, envelope.size(),
        QStringLiteral("postmaster@office.example"), QStringLiteral("postmaster@office.example"),
        QStringLiteral("Undeliverable message"), QStringLiteral("see attached"),
        QStringLiteral("n1@host.example"));
    QVERIFY(wrapped);
    QVERIFY(wrapped->contains("Message-Id: <n1@host.example>")
        || wrapped->contains("Message-ID: <n1@host.example>"));
    QVERIFY(wrapped->startsWith("Date: ") || wrapped->contains("\r\nDate: "));
    QVERIFY2(wrapped->contains("Content-Type: " + contentType), wrapped->constData());
    QVERIFY(!wrapped->contains("x-sender"));
    if (verbatim) {
        QVERIFY(wrapped->contains(original));
        QVERIFY(!wrapped->contains("Content-Transfer-Encoding: base64"));
    } else {
        QVERIFY(wrapped->contains(original.toBase64().left(8)));
    }
}

QTEST_GUILESS_MAIN(TestMimeParser)
#include "tst_mimeparser.moc"
