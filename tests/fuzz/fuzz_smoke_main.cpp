// tst_fuzz_smoke: the fuzz target's checks over fixed seeds and deterministic random mutations,
// so that CI runs them in seconds (the long run is scripts/fuzz.sh with libFuzzer).
#include "service/controlprotocol.h"

#include <QByteArray>
#include <QCborArray>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <random>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    const int iterations = argc > 1 ? std::atoi(argv[1]) : 20000;
    QList<QByteArray> seeds = {
        "+OK POP3 ready <1896.697170952@dbc.mtview.ca.us>",
        "-ERR [IN-USE] busy\r\n",
        "TOP\nUIDL\nSASL PLAIN LOGIN CRAM-MD5\nEXPIRE 30\nLOGIN-DELAY 900\n",
        "1 120\n2 whqtswO00WBw418f9t5JxYwZ\n",
        "Subject: x\r\n..stuffed\r\n.\r\n+OK next\r\n",
        "250-mail\r\n250-PIPELINING\r\n250 SIZE 1000\r\n",
        "x-sender: <a@b>\r\nx-receiver: <c@d>\r\nSubject: s\r\n\r\nbody\r\n",
        "mailbox: office\nserver: pop\nuid: u1\nretrieved: 2026-11-27T05:06:07.890Z\nsize: 12\n",
        "From: =?iso-2022-jp?b?GyRCOzNFRBsoQg==?= <y@x>\r\nTo: a@b, c@d\r\nDelivered-To: "
        "e@f\r\n\r\n",
        "x-sender: <\"john smith\"@b.example>\r\nx-receiver: <c@[192.0.2.1]>\r\nx-receiver: "
        "<\xe5\xb1\xb1\xe7\x94\xb0@xn--r8jz45g.jp>\r\nReceived: x\r\n\r\nbody\r\n",
        "x-sender: <>\r\nx-receiver: <a@b.example>\r\nx-receiver: <c@d.example>\r\nR",
        "\"q\r\n x-receiver: attacker@evil.example\r\n x-receiver: z\"@office.example",
        "\"a>\tRCPT TO:<x\"@office.example",
        "first.last@office.example\n\"a\\\"b\"@x.example\nbob@b\xc3\xbc"
        "cher.example\n"
        "a@[IPv6:2001:db8::1]\n<>\n",
        "\"Smith, Bob\" <bob@office.example>, team: a@x.example (c), <@r.example:d@y.example>;",
    };
    // Control channel frames: a hello, requests with parameters, a notification, back to back.
    using namespace Pop3Connector::Control;
    QCborMap params;
    params.insert(QStringLiteral("names"), QCborArray {QStringLiteral("a"), QStringLiteral("b")});
    params.insert(QStringLiteral("folder"), QStringLiteral("badmail"));
    seeds.append(encodeFrame(Message::hello({}))
        + encodeFrame(Message::request(7, QStringLiteral("spoolRequeue"), params)));
    seeds.append(encodeFrame(Message::notification(QStringLiteral("event"), params))
        + encodeFrame(
            Message::failure(3, {Pop3Connector::ErrorCode::NotFound, QStringLiteral("x")})));
    std::mt19937 rng(20261127);
    for (const QByteArray &seed : seeds)
        LLVMFuzzerTestOneInput(
            reinterpret_cast<const uint8_t *>(seed.constData()), size_t(seed.size()));
    for (int i = 0; i < iterations; ++i) {
        QByteArray input = seeds[rng() % seeds.size()];
        const int edits = 1 + int(rng() % 8);
        for (int e = 0; e < edits; ++e) {
            const int pos = input.isEmpty() ? 0 : int(rng() % input.size());
            switch (rng() % 4) {
            case 0: // flip a byte
                if (!input.isEmpty())
                    input[pos] = char(rng() & 0xff);
                break;
            case 1: // insert a byte, often a line end or a dot
                input.insert(pos, "\r\n.\x00:<>@"[rng() % 8]);
                break;
            case 2: // cut
                input.truncate(pos);
                break;
            case 3: // repeat a piece, for long lines
                input.insert(pos, input.mid(pos, 64).repeated(int(rng() % 50)));
                break;
            }
        }
        LLVMFuzzerTestOneInput(
            reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    }
    std::printf("%d inputs, no failure\n", iterations + int(seeds.size()));
    return 0;
}
