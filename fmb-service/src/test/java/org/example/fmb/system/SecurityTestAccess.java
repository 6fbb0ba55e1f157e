package org.example.fmb.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages load the service's two security filter chains. */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, PagesSecurityConfiguration.class})
public class SecurityTestAccess {}
