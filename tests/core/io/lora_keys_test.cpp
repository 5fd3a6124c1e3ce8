#include <gtest/gtest.h>

#include "core/io/lora_keys.h"

namespace i4::io {
namespace {

struct Case {
    const char* key;
    const char* component;
    const char* module;
    LoraPart part;
    const char* layout;
};

TEST(LoraKeys, EveryLayoutMapsToOurNames) {
    const Case cases[] = {
        // ComfyUI / ai-toolkit: our fused names, lora_down/lora_up, alpha.
        {"diffusion_model.layers.0.attention.qkv.lora_down.weight", "transformer",
         "layers.0.attention.qkv", LoraPart::Down, "kohya"},
        {"diffusion_model.layers.0.attention.qkv.alpha", "transformer", "layers.0.attention.qkv",
         LoraPart::Alpha, "kohya"},
        {"model.diffusion_model.layers.12.feed_forward.w2.lora_up.weight", "transformer",
         "layers.12.feed_forward.w2", LoraPart::Up, "kohya"},
        // diffusers / peft: split attention, lora_A/lora_B.
        {"transformer.layers.3.attention.to_k.lora_A.weight", "transformer",
         "layers.3.attention.to_k", LoraPart::Down, "peft"},
        {"transformer.layers.3.attention.to_out.0.lora_B.weight", "transformer",
         "layers.3.attention.to_out.0", LoraPart::Up, "peft"},
        {"base_model.model.layers.1.adaln_modulation.lora_A.default.weight", "transformer",
         "layers.1.adaln_modulation", LoraPart::Down, "peft"},
        // OneTrainer: transformer. prefix with lora_down/lora_up on the embedders.
        {"transformer.adaln_proj.lora_down.weight", "transformer", "adaln_proj", LoraPart::Down,
         "kohya"},
        {"transformer.final_layer.adaln_modulation.alpha", "transformer",
         "final_layer.adaln_modulation", LoraPart::Alpha, "kohya"},
        {"conditional_transformer.llm_cond_proj.lora.up.weight", "transformer", "llm_cond_proj",
         LoraPart::Up, "kohya"},
        // kohya flattened.
        {"lora_unet_layers_0_attention_to_out_0.lora_up.weight", "transformer",
         "layers.0.attention.to_out.0", LoraPart::Up, "kohya-flat"},
        {"lora_unet_t_embedding_mlp_in.alpha", "transformer", "t_embedding.mlp_in", LoraPart::Alpha,
         "kohya-flat"},
        {"lora_unet_layers_33_feed_forward_w3.lora_down.weight", "transformer",
         "layers.33.feed_forward.w3", LoraPart::Down, "kohya-flat"},
        // Bare names, and the unconditional transformer.
        {"input_proj.lora_A.weight", "transformer", "input_proj", LoraPart::Down, "peft"},
        {"unconditional_transformer.layers.2.attention.o.lora_B.weight",
         "unconditional_transformer", "layers.2.attention.o", LoraPart::Up, "peft"},
    };
    for (const Case& c : cases) {
        const auto parsed = parseLoraKey(c.key);
        ASSERT_TRUE(parsed.has_value()) << c.key;
        EXPECT_EQ(parsed->component, c.component) << c.key;
        EXPECT_EQ(parsed->module, c.module) << c.key;
        EXPECT_EQ(parsed->part, c.part) << c.key;
        EXPECT_EQ(parsed->layout, c.layout) << c.key;
    }
}

TEST(LoraKeys, OtherKeysAreNotOurs) {
    for (const char* key : {"lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight",
                            "diffusion_model.layers.0.attention.norm_q.weight",
                            "diffusion_model.layers.0.attention.qkv.weight",
                            "transformer.layers.0.attention.qkv.diff", "text_encoder.lora_A.weight",
                            "diffusion_model.double_blocks.0.img_attn.qkv.lora_down.weight"}) {
        EXPECT_FALSE(parseLoraKey(key).has_value()) << key;
    }
}

TEST(LoraKeys, SplitAttentionFoldsIntoTheFusedRows) {
    std::string fused;
    EXPECT_EQ(fusedModule("layers.4.attention.to_q", fused), 0);
    EXPECT_EQ(fused, "layers.4.attention.qkv");
    EXPECT_EQ(fusedModule("layers.4.attention.to_k", fused), 1);
    EXPECT_EQ(fusedModule("layers.4.attention.to_v", fused), 2);
    EXPECT_EQ(fusedModule("layers.4.attention.to_out.0", fused), -1);
    EXPECT_EQ(fused, "layers.4.attention.o");
    EXPECT_EQ(fusedModule("layers.4.feed_forward.w1", fused), -1);
    EXPECT_EQ(fused, "layers.4.feed_forward.w1");
}

TEST(LoraKeys, SingleFilePrefixIsRecognisedByItsKeys) {
    EXPECT_EQ(transformerKeyPrefix({"model.diffusion_model.input_proj.weight",
                                    "model.diffusion_model.layers.0.attention.qkv.weight"}),
              "model.diffusion_model.");
    EXPECT_EQ(transformerKeyPrefix({"diffusion_model.input_proj.weight"}), "diffusion_model.");
    EXPECT_EQ(transformerKeyPrefix({"input_proj.weight", "layers.0.attention.qkv.weight"}), "");
    // A prefix on only some keys is not a layout.
    EXPECT_EQ(transformerKeyPrefix({"model.diffusion_model.input_proj.weight", "other.weight"}),
              "");
}

}  // namespace
}  // namespace i4::io
