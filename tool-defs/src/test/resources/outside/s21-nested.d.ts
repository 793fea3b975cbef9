export interface Deploy {
  /** Deploy a service. */
  deploy(spec: {
    service: {
      name: string;
      image: {
        repository: string;
        tag?: string;
        pullPolicy?: "Always" | "IfNotPresent" | "Never";
      };
      ports?: {
        containerPort: number;
        protocol?: "TCP" | "UDP";
      }[];
      env?: { name: string; value: string }[];
      resources?: {
        limits?: { cpu?: string; memory?: string };
        requests?: { cpu?: string; memory?: string };
      };
    };
    replicas?: number;
    strategy?:
      | { type: "Recreate" }
      | { type: "RollingUpdate"; maxSurge?: number | string; maxUnavailable?: number | string };
  }): Promise<{ id: string; status: "pending" | "running" | "failed" }>;
}
//! accept s21_deploy {"service": {"name": "a", "image": {"repository": "r"}}}
//! accept s21_deploy {"service": {"name": "a", "image": {"repository": "r", "pullPolicy": "Never"}, "ports": [{"containerPort": 80}], "resources": {"limits": {"cpu": "1"}}}, "strategy": {"type": "RollingUpdate", "maxSurge": "25%"}}
//! reject s21_deploy {"service": {"name": "a", "image": {"repository": "r", "pullPolicy": "Sometimes"}}}
//! reject s21_deploy {"service": {"name": "a", "image": {}}}
//! reject s21_deploy {"service": {"name": "a", "image": {"repository": "r"}}, "strategy": {"type": "Recreate", "maxSurge": 1}}
