package gsvtrainer.config;

import gsvtrainer.asr.AsrParams;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the service in one typed record, bound from {@code gsv.*} properties. The
 * {@code GSV_*} environment variables are mapped onto them in {@code application.yml}.
 *
 * @param dataDir        where the database (SQLite), task workspaces and logs live
 * @param gpus           GPU slots: empty for CPU only, {@code auto} (nvidia-smi), a list {@code 0,1},
 *                       or {@code fake:N} for N slots without a GPU (tests)
 * @param cpuSlots       how many CPU-only runs may execute at once
 * @param upstreamDir    the GPT-SoVITS checkout
 * @param upstreamPython the interpreter of upstream's Python environment
 * @param pretrainedDir  the folder of upstream's pretrained models; null: the checkout's
 *                       {@code GPT_SoVITS/pretrained_models}
 * @param authRequired   true/false; null means: required unless the server binds to loopback
 * @param stepNice       CPU niceness of run processes (0-19), so the API stays responsive while steps
 *                       use every core
 * @param stepStandby    whether the executor keeps one run process started ahead of its run, so that
 *                       a run does not wait for a JVM to start
 * @param stepReuse      whether a run process that started ahead of its run may, after a run that
 *                       succeeded, wait for the next run instead of exiting, keeping what its JIT compiled
 * @param asrBackend     the ASR backend of {@code asr_transcribe} when neither its params nor the task
 *                       config name one: {@code upstream}, {@code whisper_cpp} or {@code pocketsphinx}
 * @param whisperModel   the ggml model file of the {@code whisper_cpp} backend when the params name
 *                       none; a bare file name in the params is looked up in its folder
 * @param fasterWhisperModel a local faster-whisper (CTranslate2) model folder for the {@code upstream}
 *                       backend's languages other than zh/yue when the params name no model: upstream's
 *                       own transcription runs on it instead of downloading a model
 */
@ConfigurationProperties(prefix = "gsv")
public record GsvSettings(
        Path dataDir,
        String gpus,
        Integer cpuSlots,
        Path upstreamDir,
        String upstreamPython,
        Path pretrainedDir,
        Boolean authRequired,
        DataSize maxUploadSize,
        DataSize maxTaskUploadSize,
        Duration cancelGrace,
        Duration schedulerTick,
        Duration leaseTtl,
        String stepJvmOptions,
        Integer stepNice,
        Boolean stepStandby,
        Boolean stepReuse,
        String asrBackend,
        Path whisperModel,
        Path fasterWhisperModel) {

    public GsvSettings {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        gpus = gpus == null ? "" : gpus.trim();
        cpuSlots = cpuSlots == null || cpuSlots < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : cpuSlots;
        upstreamPython = upstreamPython == null || upstreamPython.isBlank() ? "python3" : upstreamPython;
        pretrainedDir = pretrainedDir == null || pretrainedDir.toString().isBlank() ? null : pretrainedDir.toAbsolutePath().normalize();
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(2) : maxUploadSize;
        maxTaskUploadSize = maxTaskUploadSize == null ? DataSize.ofGigabytes(10) : maxTaskUploadSize;
        cancelGrace = cancelGrace == null ? Duration.ofSeconds(5) : cancelGrace;
        schedulerTick = schedulerTick == null ? Duration.ofMillis(200) : schedulerTick;
        // longer than SQLite's 30 s busy timeout, so a tick held up by a busy database keeps the lease
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(60) : leaseTtl;
        stepJvmOptions = stepJvmOptions == null ? "-XX:+UseSerialGC -Xshare:auto" : stepJvmOptions;
        stepNice = stepNice == null ? 10 : Math.max(0, Math.min(19, stepNice));
        stepStandby = stepStandby == null || stepStandby;
        stepReuse = stepReuse == null || stepReuse;
        asrBackend = asrBackend == null || asrBackend.isBlank() ? "upstream" : asrBackend.strip();
        if (!AsrParams.BACKENDS.contains(asrBackend)) {
            throw new IllegalArgumentException("gsv.asr-backend (GSV_ASR_BACKEND) must be one of " + AsrParams.BACKENDS
                    + ", not " + asrBackend);
        }
        whisperModel = whisperModel == null || whisperModel.toString().isBlank() ? null
                : whisperModel.toAbsolutePath().normalize();
        fasterWhisperModel = fasterWhisperModel == null || fasterWhisperModel.toString().isBlank() ? null
                : fasterWhisperModel.toAbsolutePath().normalize();
    }

    public Path tasksDir() {
        return dataDir.resolve("tasks");
    }

    public Path uploadTmpDir() {
        return dataDir.resolve("tmp");
    }
}
