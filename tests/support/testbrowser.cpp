#include "testbrowser.h"

#include <QDesktopServices>
#include <QNetworkReply>
#include <QNetworkRequest>

TestBrowser::TestBrowser(const QString &scheme)
    : m_scheme(scheme)
{
    QDesktopServices::setUrlHandler(m_scheme, this, "open");
}

TestBrowser::~TestBrowser()
{
    QDesktopServices::unsetUrlHandler(m_scheme);
}

void TestBrowser::open(const QUrl &url)
{
    m_opened.append(url);
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}
