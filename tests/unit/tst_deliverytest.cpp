// DeliveryTest::parse: testDelivery's parameters over the saved delivery settings.
#include "service/deliverytest.h"

#include <QCborArray>
#include <QTest>

using namespace Pop3Connector;

class TestDeliveryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void keepsWhatIsNotGiven();
};

void TestDeliveryTest::parses_data()
{
    QTest::addColumn<QCborMap>("params");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expect"); // "transport host:port security user" or the error's words
    QTest::addColumn<QStringList>("recipients");

    const auto map = [](std::initializer_list<std::pair<const char *, QCborValue>> kv) {
        QCborMap m;
        for (const auto &[k, v] : kv)
            m.insert(QLatin1String(k), v);
        return m;
    };
    QTest::newRow("lmtp, its port by default")
        << map({{"transport", QStringLiteral("lmtp")}, {"host", QStringLiteral("mx.local")}})
        << true << QStringLiteral("lmtp mx.local:24 none ") << QStringList();
    QTest::newRow("smtp tls, 465 by default")
        << map({{"transport", QStringLiteral("smtp")}, {"security", QStringLiteral("tls")}}) << true
        << QStringLiteral("smtp 127.0.0.1:465 tls ") << QStringList();
    QTest::newRow("a port given wins")
        << map({{"transport", QStringLiteral("lmtp")}, {"port", 2424}}) << true
        << QStringLiteral("lmtp 127.0.0.1:2424 none ") << QStringList();
    QTest::newRow("login") << map({{"user", QStringLiteral(" relay ")}}) << true
                           << QStringLiteral("smtp 127.0.0.1:25 none relay") << QStringList();
    QTest::newRow("recipients canonical, once each") << map({{"recipients",
        QCborArray {QStringLiteral("Alice@Office.Example"), QStringLiteral("alice@office.example"),
            QStringLiteral(" "), QStringLiteral("bob@office.example")}}})
                                                     << true
                                                     << QStringLiteral("smtp 127.0.0.1:25 none ")
                                                     << QStringList {
                                                            QStringLiteral("Alice@office.example"),
                                                            QStringLiteral("bob@office.example")};
    QTest::newRow("pickup needs no host")
        << map({{"transport", QStringLiteral("pickup")}, {"host", QString()}}) << true
        << QStringLiteral("pickup :25 none ") << QStringList();
    QTest::newRow("unknown transport") << map({{"transport", QStringLiteral("uucp")}}) << false
                                       << QStringLiteral("transport") << QStringList();
    QTest::newRow("unknown security") << map({{"security", QStringLiteral("ssl")}}) << false
                                      << QStringLiteral("security") << QStringList();
    QTest::newRow("empty host") << map({{"host", QStringLiteral("  ")}}) << false
                                << QStringLiteral("host is empty") << QStringList();
    QTest::newRow("host with a line break")
        << map({{"host", QStringLiteral("mx\r\nMAIL FROM")}}) << false
        << QStringLiteral("not a host") << QStringList();
    QTest::newRow("port 0") << map({{"port", 0}}) << false << QStringLiteral("port")
                            << QStringList();
    QTest::newRow("port too big") << map({{"port", 70000}}) << false << QStringLiteral("port")
                                  << QStringList();
    QTest::newRow("password not text")
        << map({{"password", 5}}) << false << QStringLiteral("password") << QStringList();
    QTest::newRow("recipient with CRLF")
        << map({{"recipients", QCborArray {QStringLiteral("a@b.example>\r\nDATA")}}}) << false
        << QStringLiteral("recipient") << QStringList();
    QCborArray many;
    for (int i = 0; i < DeliveryTest::kMaxRecipients + 1; ++i)
        many.append(QStringLiteral("u%1@office.example").arg(i));
    QTest::newRow("too many recipients")
        << map({{"recipients", many}}) << false << QStringLiteral("at most") << QStringList();
}

void TestDeliveryTest::parses()
{
    QFETCH(QCborMap, params);
    QFETCH(bool, ok);
    QFETCH(QString, expect);
    QFETCH(QStringList, recipients);
    const Result<DeliveryTestRequest> r = DeliveryTest::parse(params, DeliverySettings {});
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY2(r.error().message.contains(expect), qPrintable(r.error().message));
        return;
    }
    const DeliverySettings &d = r->delivery;
    QCOMPARE(QStringLiteral("%1 %2:%3 %4 %5")
                 .arg(settingValue(d.transport), d.host)
                 .arg(d.port)
                 .arg(settingValue(d.security), d.user),
        expect);
    QCOMPARE(r->recipients, recipients);
    QVERIFY(!r->password);
}

// A test of a changed server keeps the saved login, CA file and password source.
void TestDeliveryTest::keepsWhatIsNotGiven()
{
    DeliverySettings saved;
    saved.transport = Transport::Lmtp;
    saved.host = QStringLiteral("mail.office.example");
    saved.port = 2400;
    saved.user = QStringLiteral("relay");
    saved.caFile = QStringLiteral("/etc/ssl/office.pem");
    QCborMap params;
    params.insert(QStringLiteral("password"), QStringLiteral("秘密 pw"));
    const Result<DeliveryTestRequest> r = DeliveryTest::parse(params, saved);
    QVERIFY(r.ok());
    QCOMPARE(r->delivery.port, quint16(2400));
    QCOMPARE(r->delivery.host, saved.host);
    QCOMPARE(r->delivery.user, saved.user);
    QCOMPARE(r->delivery.caFile, saved.caFile);
    QCOMPARE(*r->password, QStringLiteral("秘密 pw").toUtf8());
}

QTEST_GUILESS_MAIN(TestDeliveryTest)
#include "tst_deliverytest.moc"
