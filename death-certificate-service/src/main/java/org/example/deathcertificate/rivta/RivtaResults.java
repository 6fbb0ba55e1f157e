package org.example.deathcertificate.rivta;

import se.riv.clinicalprocess.healthcond.certificate.v3.ErrorIdType;
import se.riv.clinicalprocess.healthcond.certificate.v3.ResultCodeType;
import se.riv.clinicalprocess.healthcond.certificate.v3.ResultType;

/** The three answers of a RIVTA receiver: OK, INFO with a text, ERROR with an error id and a text. */
final class RivtaResults {

    private RivtaResults() {}

    static ResultType ok() {
        var result = new ResultType();
        result.setResultCode(ResultCodeType.OK);
        return result;
    }

    static ResultType info(String text) {
        var result = new ResultType();
        result.setResultCode(ResultCodeType.INFO);
        result.setResultText(text);
        return result;
    }

    static ResultType error(ErrorIdType errorId, String text) {
        var result = new ResultType();
        result.setResultCode(ResultCodeType.ERROR);
        result.setErrorId(errorId);
        result.setResultText(text);
        return result;
    }
}
