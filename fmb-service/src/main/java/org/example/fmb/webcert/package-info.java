/** The two bulk collections Webcert downloads, in the FMB API's JSON:API format, byte for byte in shape. */
package org.example.fmb.webcert;
