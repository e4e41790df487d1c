package org.commentguard.scoring.toxicity;

import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;
import org.commentguard.scoring.toxicity.training.ToxicityTrainer;

import java.util.ArrayList;
import java.util.List;

/** Trains a tiny model inline from a handful of sentences, so scorer tests do not depend on the shipped model. */
final class TinyToxicityModels {

    private static final String[] CLEAN = {
        "Thanks for the detailed article, I learned a lot.",
        "The council meeting is on Tuesday evening.",
        "I disagree with the author about the tax plan.",
        "Great photos of the harbour, thank you.",
        "Can someone explain how the new bus routes work?",
        "My grandmother grew up in this town.",
        "The reporter asked good questions in the interview.",
        "I think the budget numbers are wrong, see page two.",
        "Nice to see the library open again.",
        "The weather this weekend looks lovely.",
        "I am a gay Muslim woman and I liked this piece.",
        "Interesting point about the school funding.",
    };

    private static final String[] INSULTS = {
        "You are an idiot and a moron.",
        "What a stupid idiot you are.",
        "Shut up you pathetic loser.",
        "You are a dumb moron.",
        "Only an idiot would write this garbage.",
        "You stupid loser, nobody cares.",
    };

    private static final String[] THREATS = {
        "I will kill you if I find you.",
        "Someone should shoot you.",
        "I am going to hurt you badly.",
        "You will die for this.",
    };

    private TinyToxicityModels() {}

    static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        int i = 0;
        for (String s : CLEAN) {
            out.add(new Example("tiny", "c" + i++, "train", "", new int[] {0, 0, 0, 0, 0, 0}, s));
        }
        for (String s : INSULTS) {
            out.add(new Example("tiny", "i" + i++, "train", "", new int[] {1, 0, 0, 0, 1, 0}, s));
        }
        for (String s : THREATS) {
            out.add(new Example("tiny", "t" + i++, "train", "", new int[] {1, 1, 0, 1, 0, 0}, s));
        }
        return out;
    }

    static ToxicityModel train() {
        List<Example> data = examples();
        ToxicityModel trained = new ToxicityTrainer(new ToxicityTrainer.Settings(16, 1, 0.05, 60, 1))
                .train(data, data, ToxicityTrainer.PrintLog.NONE);
        // 22 sentences are too few for isotonic calibration (it pools them into one block); scorer tests are about
        // the scorer's logic, so they read the logistic outputs directly
        Calibration[] sigmoid = new Calibration[ToxicityAttribute.values().length];
        java.util.Arrays.fill(sigmoid, Calibration.sigmoid());
        return trained.withCalibration(sigmoid);
    }
}
