package org.example.ceiling;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat with one servlet that passes every request on through Apache HttpClient 5 classic with a pooled
 * keep-alive connection manager ({@link ProxyServlet}). Environment: {@code PORT} (default 18470), {@code UPSTREAM}
 * (default http://localhost:8081, fmb-service).
 */
public final class TomcatProxy {

    private TomcatProxy() {}

    public static void main(String[] args) throws Exception {
        var port = Integer.parseInt(System.getenv().getOrDefault("PORT", "18470"));
        var upstream = URI.create(System.getenv().getOrDefault("UPSTREAM", "http://localhost:8081"));
        start(port, upstream).getServer().await();
    }

    static Tomcat start(int port, URI upstream) throws IOException, LifecycleException {
        var tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("ceiling-tomcat").toString());
        tomcat.setPort(port);
        var context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "proxy", new ProxyServlet(upstream));
        context.addServletMappingDecoded("/", "proxy");
        tomcat.getConnector();
        tomcat.start();
        return tomcat;
    }
}
